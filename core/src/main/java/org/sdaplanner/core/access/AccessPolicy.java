package org.sdaplanner.core.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may do what. Anonymous visitors get {@link Permission#VIEW_PLANS} only,
 * and only while public read-only access is on; everything else needs an account.
 */
public final class AccessPolicy {
    private static final Set<Permission> SIGNED_IN = EnumSet.of(Permission.VIEW_PLANS, Permission.READ_COMMENTS,
            Permission.COMMENT, Permission.OWN_ACCOUNT);
    private static final Map<Role, Set<Permission>> GRANTS = Map.of(
            Role.MEMBER, SIGNED_IN,
            Role.HEALTH_PARTNER, SIGNED_IN,
            Role.ANALYST, union(SIGNED_IN, EnumSet.of(Permission.MODERATE, Permission.EDIT_PLANS)),
            Role.ADMIN, EnumSet.allOf(Permission.class));

    private final boolean publicRead;

    /** @param publicRead whether anonymous visitors may view the map and plans (read only) */
    public AccessPolicy(boolean publicRead) {
        this.publicRead = publicRead;
    }

    public boolean publicRead() {
        return publicRead;
    }

    /** Whether a visitor with this role (empty: not signed in) may do what needs {@code p}. */
    public boolean allows(Optional<Role> role, Permission p) {
        if (role.isEmpty()) {
            return publicRead && p == Permission.VIEW_PLANS;
        }
        return GRANTS.get(role.get()).contains(p);
    }

    /** The permissions of a role, for the page to show or hide its tools. */
    public static Set<Permission> permissions(Role role) {
        return EnumSet.copyOf(GRANTS.get(role));
    }

    private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
        Set<Permission> s = EnumSet.copyOf(a);
        s.addAll(b);
        return s;
    }
}
