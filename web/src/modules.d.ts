// The bundled base map: TopoJSON read at build time by Vite, typed where it is used.
declare module 'world-atlas/countries-50m.json' {
  const topology: unknown;
  export default topology;
}
