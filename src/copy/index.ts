export { callAsCode } from './asCode';
export { requestRemoteAsCurl, shellQuote } from './asCurl';
export { requestRemoteAsFetch } from './asFetch';
export { callAsMarkdown, MARKDOWN_BLOCK_CHARS } from './asMarkdown';
export { BASE_URL_PLACEHOLDER, TOKEN_VARIABLE } from './httpRequest';
export { jsLiteral, jsString } from './jsLiteral';
export { findingsAsMarkdown } from './findingsMarkdown';
