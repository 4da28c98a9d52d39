export function QueueScreen() {
  return <div>QueueScreen</div>;
}
