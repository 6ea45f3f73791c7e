/**
 * Accounts and sign-in for the map server and the {@code sda user} command: bcrypt password
 * hashing ({@link org.sdaplanner.web.auth.Passwords}), session tokens
 * ({@link org.sdaplanner.web.auth.SessionTokens}), sign-in with a throttle on wrong passwords
 * ({@link org.sdaplanner.web.auth.Authenticator}), per-account write limits
 * ({@link org.sdaplanner.web.auth.RateLimiter}) and account management shared by the CLI and the
 * admin screens ({@link org.sdaplanner.web.auth.AccountAdmin}). The rules of who may do what are in
 * {@code org.sdaplanner.core.access}.
 */
package org.sdaplanner.web.auth;
