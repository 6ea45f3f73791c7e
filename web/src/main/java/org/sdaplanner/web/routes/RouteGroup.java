package org.sdaplanner.web.routes;

import org.sdaplanner.web.http.GuardedRoutes;

/**
 * The routes of one resource. A group only parses the request, calls a service and writes the
 * answer; it can add routes only through {@link GuardedRoutes}, which checks every request first.
 */
public interface RouteGroup {
    void register(GuardedRoutes routes);
}
