/**
 * The REST API and the dashboard: {@link dev.streamscout.api.ApiServer} wires feature packages
 * ({@code clips}, {@code health}) and the single exception-to-status mapping ({@code problem}).
 */
package dev.streamscout.api;
