// sigstore-js, loaded on first use (`import('./sigstore-client.js')`): keyless signing with Fulcio and Rekor, and
// checking bundles. It is CommonJS with npm's fetch, TUF and proxy agents behind it (10 MB installed); core's build
// bundles all of it into the one chunk this module becomes, so none of it is installed with core, and the GitHub
// Action, which bundles core again, finds every piece inside (a require() left to run time would find nothing).
export { attest, verify } from 'sigstore';
export { bundleFromJSON } from '@sigstore/bundle';
export { TrustedRoot } from '@sigstore/protobuf-specs';
export { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
