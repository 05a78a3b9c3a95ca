package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Instant;

/**
 * One visit to the shop: a user lands, browses departments and products, searches, fills and
 * trims a cart, signs in, checks out and sometimes pays, then leaves. Each call to {@link #next}
 * is one action; the generator decides when it happens.
 *
 * <p>Limits that keep an ordinary visit clear of the fraud rules live here: at most
 * {@link #MAX_FAILED_LOGINS} failed logins, at most {@link #MAX_EVENTS} actions, and carts within
 * {@link ShopCart#LIMIT}.
 */
final class ShopSession {
    static final int MAX_EVENTS = 60;
    static final int MAX_FAILED_LOGINS = 2;
    /** Roughly what a visit averages with the chances below; sizes the user pool. */
    static final double MEAN_EVENTS = 15;

    private static final double LEAVE_CHANCE = 1.0 / 16;
    private static final double LEAVE_CHANCE_AFTER_PURCHASE = 0.5;
    private static final double RETURNING_SHOPPER_CHANCE = 0.06;
    private static final String HOME = "/";
    private static final String USD = "USD";

    private enum Place {
        HOME,
        LISTING,
        PRODUCT,
        CART,
        CHECKOUT
    }

    /** What the user is in the middle of: the next action follows from the last one. */
    private enum Intent {
        NONE,
        VIEW_PRODUCT,
        SIGN_IN,
        RETRY_LOGIN,
        PAY
    }

    private final Storefront shop;
    private final UserProfile user;
    private final int userSlot;
    private final String sessionId;
    private final ActivityEvent.Device device;
    /**
     * Made when first needed: at high rates most visits end before they fill a cart, and this keeps
     * two objects per open session away from the garbage collector (there are half a million open
     * sessions at 100,000 events a second).
     */
    private ShopCart cart;

    private Place place = Place.HOME;
    private Intent intent = Intent.NONE;
    private boolean checkingOut;
    private Category category;
    private Product product;
    private String page = HOME;
    private boolean signedIn;
    private int failedLogins;
    private int emitted;
    private double leaveChance = LEAVE_CHANCE;
    private boolean over;
    /** The {@link HumanPace} guard's state for this visit, kept by the generator. */
    private long paceClock = Long.MIN_VALUE;

    ShopSession(Storefront shop, UserProfile user, int userSlot) {
        this.shop = shop;
        this.user = user;
        this.userSlot = userSlot;
        this.sessionId = shop.ids().sessionId();
        this.device = shop.chance(0.8) ? user.mainDevice() : user.secondDevice();
        this.category = shop.catalog().pickCategory(shop.random());
    }

    int userSlot() {
        return userSlot;
    }

    long paceClock() {
        return paceClock;
    }

    void paceClock(long value) {
        paceClock = value;
    }

    /** True once the last action has been taken; the session must not be asked again. */
    boolean isOver() {
        return over;
    }

    ActivityEvent next(Instant at) {
        emitted++;
        if (emitted == 1) {
            return land(at);
        }
        if (emitted >= MAX_EVENTS || intent == Intent.NONE && shop.chance(leaveChance)) {
            over = true;
            return signedIn && shop.chance(0.5) ? logout(at) : viewCategory(at, category);
        }
        return switch (intent) {
            case VIEW_PRODUCT -> viewProduct(at);
            case SIGN_IN -> signIn(at);
            case RETRY_LOGIN -> retryLogin(at);
            case PAY -> pay(at);
            case NONE -> wander(at);
        };
    }

    private ActivityEvent wander(Instant at) {
        return switch (place) {
            case HOME, LISTING, CHECKOUT -> browse(at);
            case PRODUCT -> onProductPage(at);
            case CART -> onCartPage(at);
        };
    }

    private ActivityEvent land(Instant at) {
        String referrer = shop.sources().pickReferrer(shop.random());
        if (shop.chance(RETURNING_SHOPPER_CHANCE)) {
            return returnToCart(at);
        }
        double r = shop.random().nextDouble();
        if (r < 0.25) {
            product = category.pickProduct(shop.random());
            place = Place.PRODUCT;
            page = product.page();
            return event(EventTypes.PAGE_VIEW, at)
                    .referrer(referrer)
                    .productId(product.id())
                    .category(product.category())
                    .build();
        }
        place = r < 0.55 ? Place.LISTING : Place.HOME;
        page = place == Place.LISTING ? category.page() : HOME;
        return event(EventTypes.PAGE_VIEW, at)
                .referrer(referrer)
                .category(place == Place.LISTING ? category.name() : null)
                .build();
    }

    /**
     * A shopper back for the cart of an earlier visit, straight from the reminder e-mail: buys within a
     * few steps, so a freshly started demo shows purchases and revenue in seconds, not minutes.
     */
    private ActivityEvent returnToCart(Instant at) {
        Product saved = category.pickProduct(shop.random());
        cart().add(saved);
        place = Place.CART;
        page = "/cart";
        return event(EventTypes.PAGE_VIEW, at).referrer("email").build();
    }

    private ActivityEvent browse(Instant at) {
        double r = shop.random().nextDouble();
        if ((r -= 0.40) < 0) {
            return click(at, category.pickProduct(shop.random()));
        }
        if ((r -= user.persona().searchChance()) < 0) {
            return search(at);
        }
        if ((r -= 0.25) < 0) {
            return viewCategory(at, shop.catalog().pickCategory(shop.random()));
        }
        if ((r -= 0.08) < 0 && !cartIsEmpty()) {
            return viewCart(at);
        }
        if ((r -= 0.08) < 0 && !signedIn) {
            checkingOut = false;
            return signIn(at);
        }
        return viewHome(at);
    }

    private ActivityEvent onProductPage(Instant at) {
        double r = shop.random().nextDouble();
        if ((r -= user.persona().cartChance()) < 0 && cart().fits(product)) {
            return addToCart(at);
        }
        if ((r -= 0.30) < 0) {
            return click(at, category.pickProduct(shop.random()));
        }
        if ((r -= 0.10) < 0) {
            return search(at);
        }
        if ((r -= 0.15) < 0 && !cartIsEmpty()) {
            return viewCart(at);
        }
        return viewCategory(at, category);
    }

    private ActivityEvent onCartPage(Instant at) {
        if (cartIsEmpty()) {
            return viewCategory(at, category);
        }
        double r = shop.random().nextDouble();
        if ((r -= user.persona().checkoutChance()) < 0) {
            return checkout(at);
        }
        if ((r -= 0.15) < 0) {
            Product removed = cart().removeAny(shop.random());
            return event(EventTypes.REMOVE_FROM_CART, at)
                    .productId(removed.id())
                    .category(removed.category())
                    .price(removed.price())
                    .currency(USD)
                    .build();
        }
        return viewCategory(at, category);
    }

    private ActivityEvent click(Instant at, Product target) {
        product = target;
        intent = Intent.VIEW_PRODUCT;
        return event(EventTypes.CLICK, at)
                .productId(target.id())
                .category(target.category())
                .build();
    }

    private ActivityEvent viewProduct(Instant at) {
        intent = Intent.NONE;
        place = Place.PRODUCT;
        page = product.page();
        return event(EventTypes.PAGE_VIEW, at)
                .productId(product.id())
                .category(product.category())
                .build();
    }

    private ActivityEvent viewCategory(Instant at, Category target) {
        category = target;
        place = Place.LISTING;
        page = target.page();
        return event(EventTypes.PAGE_VIEW, at).category(target.name()).build();
    }

    private ActivityEvent viewHome(Instant at) {
        place = Place.HOME;
        page = HOME;
        return event(EventTypes.PAGE_VIEW, at).build();
    }

    private ActivityEvent viewCart(Instant at) {
        place = Place.CART;
        page = "/cart";
        return event(EventTypes.PAGE_VIEW, at).build();
    }

    private ActivityEvent search(Instant at) {
        category = shop.catalog().pickCategory(shop.random());
        SearchQuery query = category.pickQuery(shop.random());
        place = Place.LISTING;
        page = query.page();
        return event(EventTypes.SEARCH, at)
                .query(query.text())
                .category(query.category())
                .build();
    }

    private ActivityEvent addToCart(Instant at) {
        cart().add(product);
        return event(EventTypes.ADD_TO_CART, at)
                .productId(product.id())
                .category(product.category())
                .price(product.price())
                .currency(USD)
                .build();
    }

    private ActivityEvent checkout(Instant at) {
        place = Place.CHECKOUT;
        page = "/checkout";
        checkingOut = true;
        intent = signedIn ? Intent.PAY : Intent.SIGN_IN;
        return event(EventTypes.CHECKOUT, at).build();
    }

    /** Logs in, or signs up, or (at checkout) carries on as a guest. */
    private ActivityEvent signIn(Instant at) {
        if (user.hasAccount()) {
            return attemptLogin(at);
        }
        if (shop.chance(checkingOut ? 0.5 : 0.3)) {
            signedIn = true;
            intent = checkingOut ? Intent.PAY : Intent.NONE;
            page = "/signup";
            return event(EventTypes.SIGNUP, at).build();
        }
        return checkingOut ? pay(at) : viewHome(at);
    }

    private ActivityEvent attemptLogin(Instant at) {
        page = "/login";
        double failChance = failedLogins == 0 ? 0.06 : 0.25;
        if (failedLogins < MAX_FAILED_LOGINS && shop.chance(failChance)) {
            failedLogins++;
            intent = Intent.RETRY_LOGIN;
            return event(EventTypes.LOGIN_FAILED, at).build();
        }
        signedIn = true;
        intent = checkingOut ? Intent.PAY : Intent.NONE;
        return event(EventTypes.LOGIN, at).build();
    }

    private ActivityEvent retryLogin(Instant at) {
        if (shop.chance(0.2)) {
            intent = Intent.NONE;
            checkingOut = false;
            return viewHome(at);
        }
        return attemptLogin(at);
    }

    private ActivityEvent pay(Instant at) {
        intent = Intent.NONE;
        checkingOut = false;
        if (!shop.chance(0.8)) {
            return viewCart(at);
        }
        Product lead = cart().first();
        double amount = cart().total();
        cart().empty();
        place = Place.HOME;
        page = "/checkout/confirm";
        leaveChance = LEAVE_CHANCE_AFTER_PURCHASE;
        return event(EventTypes.PURCHASE, at)
                .orderId(shop.ids().orderId())
                .productId(lead.id())
                .category(lead.category())
                .amount(amount)
                .currency(USD)
                .build();
    }

    private ActivityEvent logout(Instant at) {
        signedIn = false;
        page = "/logout";
        return event(EventTypes.LOGOUT, at).build();
    }

    private ActivityEvent.Builder event(String type, Instant at) {
        return ActivityEvent.builder(shop.ids().eventId(), type, user.userId(), at)
                .sessionId(sessionId)
                .page(page)
                .device(device)
                .geo(user.geo())
                .ip(user.ip());
    }

    private ShopCart cart() {
        if (cart == null) {
            cart = new ShopCart();
        }
        return cart;
    }

    private boolean cartIsEmpty() {
        return cart == null || cart.isEmpty();
    }
}
