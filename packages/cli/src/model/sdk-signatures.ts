// What `plangen inspect` adds to the model: the client it shows, and each
// wrapper's `fn(params)` as the SDK for that client has it (made by
// generate/view-model's wrapperSignatures, from the view the template prints).
export interface SdkSignatures {
  readonly client: string;
  /** `fn(params)` by function name. */
  readonly signatures: ReadonlyMap<string, string>;
}
