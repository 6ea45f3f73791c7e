/**
 * Who may do what on the map server: {@link org.sdaplanner.core.access.Role}s, the
 * {@link org.sdaplanner.core.access.Permission}s each one holds, the
 * {@link org.sdaplanner.core.access.AccessPolicy} that answers every request (including anonymous
 * public viewers), the rules on comments ({@link org.sdaplanner.core.access.CommentRules}) and on
 * passwords ({@link org.sdaplanner.core.access.PasswordRules}). Pure rules: no I/O, no hashing.
 */
package org.sdaplanner.core.access;
