package com.activitytracker.engine.event;

import java.util.List;

/** The event types docs/CONTRACTS.md knows; any other type is still valid and counted under its own name. */
public final class EventTypes {
    public static final String PAGE_VIEW = "page_view";
    public static final String CLICK = "click";
    public static final String SEARCH = "search";
    public static final String ADD_TO_CART = "add_to_cart";
    public static final String REMOVE_FROM_CART = "remove_from_cart";
    public static final String CHECKOUT = "checkout";
    public static final String PURCHASE = "purchase";
    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGOUT = "logout";
    public static final String SIGNUP = "signup";

    public static final List<String> KNOWN = List.of(
            PAGE_VIEW,
            CLICK,
            SEARCH,
            ADD_TO_CART,
            REMOVE_FROM_CART,
            CHECKOUT,
            PURCHASE,
            LOGIN,
            LOGIN_FAILED,
            LOGOUT,
            SIGNUP);

    private EventTypes() {}
}
