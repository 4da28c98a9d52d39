export function FileCaseScreen() {
  return <div>FileCaseScreen</div>;
}
