package com.activitytracker.app.model;

/** One point of a time series: seconds since the console started, and a value. */
public record ChartPoint(double seconds, double value) {}
