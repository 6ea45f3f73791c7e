/**
 * The HTTP contract of the map server: one record per request body and per answer, with no logic.
 * Jackson writes them ({@link org.sdaplanner.web.http.ApiJson}: components in declaration order,
 * names in snake case, null written as null unless a component is marked to be left out), and
 * {@code /api/openapi.json} describes them (a test checks that the two agree). Parts shared with the
 * exported files (an area's figures, a plan's summary, profiles) are the maps the exporters write,
 * so the API and the files cannot differ.
 */
package org.sdaplanner.web.api;
