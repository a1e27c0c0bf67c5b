/// <reference types="vite/client" />

declare module 'virtual:communes' {
  /** [codeInsee, nom, departement, postcodes separated by spaces, population] */
  const rows: Array<[string, string, string, string, number]>;
  export default rows;
}

declare const __APP_VERSION__: string;
