export function LoginScreen() {
  return <div>LoginScreen</div>;
}
