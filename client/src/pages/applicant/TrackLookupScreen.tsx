export function TrackLookupScreen() {
  return <div>TrackLookupScreen</div>;
}
