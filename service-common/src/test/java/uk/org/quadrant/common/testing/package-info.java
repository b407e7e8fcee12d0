/**
 * The test engines every module runs, shipped as this module's test-jar: tokens and a database server
 * ({@code support}), the isolation matrix ({@code isolation}), hostile input ({@code hostile}), the
 * black-box API client ({@code api}), a stand-in for a downstream service ({@code standin}) and the
 * management endpoints' contract ({@code management}). A module keeps only its own declarations (its
 * route table, callers, forgeries, targets, stand-ins' answers). Nothing here imports a service's code.
 */
package uk.org.quadrant.common.testing;
