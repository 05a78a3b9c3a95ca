package com.activitytracker.engine.generator;

/** One item on sale; its page path is built once so events can share the string. */
record Product(String id, String category, double price, String page) {}
