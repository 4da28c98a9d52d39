export function AdminScreen() {
  return <div>AdminScreen</div>;
}
