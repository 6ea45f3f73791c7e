/**
 * The application services over stored plans, one job each, shared by the map server's routes and
 * the command line. They work on {@link org.sdaplanner.web.plans.PlanSessions}: each plan's working
 * state at its stored revision, reloaded when another server process changed it.
 */
package org.sdaplanner.web.plans;
