package org.sdaplanner.core.access;

/** What a request needs, checked on every route before its handler runs. */
public enum Permission {
    /** See the map, the plans, their figures and profiles, and download them. */
    VIEW_PLANS,
    /** Read comments (signed-in users only: comments are not published to the public). */
    READ_COMMENTS,
    /** Write comments and replies, and edit or withdraw one's own. */
    COMMENT,
    /** Hide and restore anyone's comment, with a reason. */
    MODERATE,
    /** Create, edit, copy, rename and delete plans (the analyst's tools). */
    EDIT_PLANS,
    /** Add accounts, change roles, disable accounts, reset passwords, read the security audit log. */
    MANAGE_ACCOUNTS,
    /** Change one's own password and sign out. */
    OWN_ACCOUNT
}
