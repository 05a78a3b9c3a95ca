package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Simulated shoppers for the producer: ordinary sessions at a target rate, plus attack scenarios
 * injected on demand and remembered as ground truth.
 *
 * <p>The target rate sets how many sessions are open (rate × mean think time), not how fast any
 * one user acts: each call to {@link #next} serves the session whose user is due to act soonest,
 * and when nobody is due yet a new visitor arrives instead. So a user's pace stays human (a second
 * or more between actions, five on average, never more than 24 in a minute) at 1 event a second or
 * at 50,000, and ordinary traffic stays clear of the fraud rules at their default thresholds.
 *
 * <p>Not thread-safe: the producer thread owns it. Given the same seed and the same sequence of
 * calls and instants, it produces the same events. Scenario injection draws from its own random,
 * so injecting does not change the ordinary traffic that follows.
 */
public final class ActivityGenerator {
    /** Ground truth kept for scoring; older injections are forgotten past this many. */
    static final int GROUND_TRUTH_LIMIT = 10_000;
    /** Sessions trimmed per call at most, so that a sudden rate drop costs no single call much. */
    private static final int TRIM_BUDGET = 256;

    private static final double DEFAULT_RATE = 10;
    /** Far beyond what one producer sends; guards the session arithmetic against absurd input. */
    static final double MAX_RATE = 1_000_000;

    private final HumanPace pace = HumanPace.DEFAULT;
    private final Storefront shop;
    private final UserPool users;
    private final UserDirectory directory;
    private final SessionSchedule schedule = new SessionSchedule();
    private final ScenarioScript scripts;
    private final ScenarioTimeline timeline = new ScenarioTimeline();
    private final ArrayDeque<InjectedScenario> groundTruth = new ArrayDeque<>();
    private int scenarioUsers;
    private double targetRate;
    private int targetSessions;

    public ActivityGenerator(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom shopRandom = root.split();
        SplittableRandom scenarioRandom = root.split();
        Catalog catalog = new Catalog(root.split());
        Geography geography = new Geography();
        DeviceMix devices = new DeviceMix();
        this.shop = new Storefront(shopRandom, catalog, new TrafficSources());
        this.directory = new UserDirectory(root.nextLong(), geography, devices);
        this.users = new UserPool(directory);
        this.scripts = new ScenarioScript(scenarioRandom, catalog, geography, devices);
        setTargetRate(DEFAULT_RATE);
    }

    /**
     * Sets the rate the producer will ask for events at, up to {@value #MAX_RATE}; 0 pauses, which
     * ends every open session. Calling {@link #next} much faster than this rate crowds the users
     * (sessions are capped at twice the rate's share), so keep the two in step.
     */
    public void setTargetRate(double eventsPerSecond) {
        if (!(eventsPerSecond >= 0 && eventsPerSecond <= MAX_RATE)) {
            throw new IllegalArgumentException(
                    "events per second must be between 0 and " + (long) MAX_RATE + ": " + eventsPerSecond);
        }
        targetRate = eventsPerSecond;
        targetSessions = (int) Math.ceil(eventsPerSecond * pace.meanThinkSeconds());
        users.sizeFor(eventsPerSecond / ShopSession.MEAN_EVENTS);
        if (eventsPerSecond == 0) {
            schedule.clear(session -> users.release(session.userSlot()));
        }
    }

    public double targetRate() {
        return targetRate;
    }

    /**
     * The next ordinary event, timestamped {@code now}. Call it each time the rate limiter allows
     * one, with instants that do not go backwards. It answers even while paused (rate 0), from a
     * handful of sessions, so a permit granted just before a pause does no harm.
     */
    public ActivityEvent next(Instant now) {
        Objects.requireNonNull(now, "now");
        long t = epochNanos(now);
        trimExcessSessions(t);
        if (!schedule.isEmpty() && (schedule.firstDue() <= t || schedule.size() >= sessionLimit())) {
            return continueFirstSession(now, t);
        }
        return startSession(now, t);
    }

    public int activeSessions() {
        return schedule.size();
    }

    /**
     * Schedules a scenario for a new user, starting at {@code now} and done within about 1.5 s.
     * Its events come out of {@link #dueScenarioEvents} as their times arrive.
     */
    public InjectedScenario inject(Scenario scenario, Instant now) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(now, "now");
        UserProfile user = directory.scenarioUser(scenarioUsers++);
        List<ActivityEvent> events = scripts.write(scenario, user, now);
        timeline.schedule(events);
        InjectedScenario injected = new InjectedScenario(
                scripts.injectionId(),
                scenario,
                user.userId(),
                now,
                scenario.expectedRule(),
                events.size(),
                events.get(events.size() - 1).timestamp());
        if (groundTruth.size() == GROUND_TRUTH_LIMIT) {
            groundTruth.removeFirst();
        }
        groundTruth.addLast(injected);
        return injected;
    }

    /** Removes and returns the scenario events timestamped at or before {@code now}, oldest first. */
    public List<ActivityEvent> dueScenarioEvents(Instant now) {
        return timeline.takeDue(Objects.requireNonNull(now, "now"));
    }

    /** Every scenario injected so far (the latest {@value #GROUND_TRUTH_LIMIT}), in injection order. */
    public List<InjectedScenario> groundTruth() {
        return List.copyOf(groundTruth);
    }

    int pendingScenarioEvents() {
        return timeline.size();
    }

    int userPoolSize() {
        return users.size();
    }

    private ActivityEvent continueFirstSession(Instant now, long t) {
        ShopSession session = schedule.first();
        ActivityEvent event = session.next(now);
        if (session.isOver()) {
            schedule.removeFirst();
            users.release(session.userSlot());
        } else {
            schedule.rescheduleFirst(nextActionAfter(session, t));
        }
        return event;
    }

    private ActivityEvent startSession(Instant now, long t) {
        int slot = users.acquire();
        ShopSession session = new ShopSession(shop, users.profile(slot), slot);
        ActivityEvent event = session.next(now);
        schedule.add(session, nextActionAfter(session, t));
        return event;
    }

    /** When the session's user acts next, having just acted at {@code t}. */
    private long nextActionAfter(ShopSession session, long t) {
        session.paceClock(pace.paceClockAfterAction(session.paceClock(), t));
        return Math.max(t + pace.nextThinkNanos(shop.random()), pace.earliestNextAction(session.paceClock()));
    }

    /**
     * After the rate drops, more users are due than the producer asks for; those waiting longest
     * leave (as real visitors abandon), until the sessions fit the new rate. Only overdue sessions
     * go, so this never fights the arrivals that fill sessions up to the rate.
     */
    private void trimExcessSessions(long t) {
        int keep = targetSessions + targetSessions / 4 + 16;
        for (int budget = TRIM_BUDGET; budget > 0 && schedule.size() > keep && schedule.firstDue() <= t; budget--) {
            users.release(schedule.removeFirst().userSlot());
        }
    }

    /**
     * Beyond this many sessions nobody new arrives: the first session acts early instead. Only
     * reached when next() is called well above the target rate; the slack absorbs a rate limiter's
     * bursts.
     */
    private int sessionLimit() {
        return 2 * targetSessions + 64;
    }

    private static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
