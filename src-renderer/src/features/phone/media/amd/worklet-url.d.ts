/** Vite builds a `?worker&url` import as a script of its own and gives its URL (the AudioWorklet's module). */
declare module '*?worker&url' {
  const url: string;
  // eslint-disable-next-line import-x/no-default-export -- the shape Vite gives these imports
  export default url;
}
