export { callAsCode, literal } from './asCode';
export { requestRemoteAsCurl, requestRemoteAsFetch, shellQuote, TOKEN_PLACEHOLDER } from './asHttp';
export { callAsMarkdown } from './asMarkdown';
