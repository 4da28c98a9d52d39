export function TrackScreen() {
  return <div>TrackScreen</div>;
}
