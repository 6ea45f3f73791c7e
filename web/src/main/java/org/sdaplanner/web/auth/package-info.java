/**
 * Accounts and sign-in for the map server and the {@code sda user} command: bcrypt password
 * hashing ({@link org.sdaplanner.web.auth.Passwords}), session tokens
 * ({@link org.sdaplanner.web.auth.SessionTokens}), sign-in with throttles on wrong passwords per user
 * name and per client address ({@link org.sdaplanner.web.auth.Authenticator}), per-account write
 * limits ({@link org.sdaplanner.web.auth.RateLimiter}), both kept in the store so that every server
 * process shares them, and account management shared by the CLI and the
 * admin screens ({@link org.sdaplanner.web.auth.AccountAdmin}). The rules of who may do what are in
 * {@code org.sdaplanner.core.access}.
 */
package org.sdaplanner.web.auth;
