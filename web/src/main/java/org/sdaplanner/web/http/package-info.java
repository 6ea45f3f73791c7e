/**
 * The HTTP plumbing every route shares: {@link org.sdaplanner.web.http.GuardedRoutes} (the only way
 * to add a route, each with the permission it needs, and the checks every request meets before its
 * handler), {@link org.sdaplanner.web.http.ErrorAnswers} (every failure as JSON), reading requests
 * and writing answers.
 */
package org.sdaplanner.web.http;
