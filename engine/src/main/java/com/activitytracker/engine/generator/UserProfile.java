package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;

/**
 * Who a simulated user is, for good: a user lives in one country and city, owns a main and a second
 * device, and either has an account (logs in) or not (may sign up).
 */
record UserProfile(
        String userId,
        Country country,
        ActivityEvent.Geo geo,
        String ip,
        ActivityEvent.Device mainDevice,
        ActivityEvent.Device secondDevice,
        boolean hasAccount,
        Persona persona) {}
