export function ItemGuideScreen() {
  return <div>ItemGuideScreen</div>;
}
