/** The one place that knows each Forge bridge command. Pure TypeScript: no extension APIs, no dependencies. */
export { CATALOGUE, callbackKeysFor, commandInfo, isKnownCommand, type CommandInfo } from './catalogue';
export { classifyCall, INVOKE_TYPE_REMOTE, INVOKE_TYPE_SERVICE } from './classify';
export { errorMessageOf } from './errorMessage';
export {
  endpointCallFailed,
  httpRequestOf,
  httpStatusOf,
  remoteEndpointOf,
  stripQuery,
  type HttpRequestInfo,
  type HttpVia,
  type RemoteEndpoint,
} from './httpCalls';
export { summarizeCall, SUMMARY_MAX, type SummaryInput } from './summary';
