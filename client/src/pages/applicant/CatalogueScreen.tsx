export function CatalogueScreen() {
  return <div>CatalogueScreen</div>;
}
