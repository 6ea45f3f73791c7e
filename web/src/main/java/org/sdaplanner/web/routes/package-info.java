/**
 * One route group per resource. A handler parses the request, calls one application service and
 * writes its answer (a record of {@code org.sdaplanner.web.api}); the rules live in the services.
 */
package org.sdaplanner.web.routes;
