package com.activitytracker.app.model;

/** One bar of the event-type mix: how many events of a type, and their share of all events in percent. */
public record CategoryValue(String category, long count, double percent) {}
