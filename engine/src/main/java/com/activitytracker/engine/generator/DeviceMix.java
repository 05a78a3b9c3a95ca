package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent.Device;
import java.util.SplittableRandom;

/** Device type, OS and browser combinations that occur together, in a mobile-first shop's proportions. */
final class DeviceMix {
    private final WeightedChoice<Device> devices = WeightedChoice.<Device>builder()
            .add(new Device("mobile", "iOS", "Safari"), 22)
            .add(new Device("mobile", "iOS", "Chrome"), 3)
            .add(new Device("mobile", "Android", "Chrome"), 20)
            .add(new Device("mobile", "Android", "Samsung Internet"), 4)
            .add(new Device("desktop", "Windows", "Chrome"), 18)
            .add(new Device("desktop", "Windows", "Edge"), 6)
            .add(new Device("desktop", "Windows", "Firefox"), 3)
            .add(new Device("desktop", "macOS", "Safari"), 6)
            .add(new Device("desktop", "macOS", "Chrome"), 6)
            .add(new Device("desktop", "Linux", "Firefox"), 1)
            .add(new Device("desktop", "Linux", "Chrome"), 1)
            .add(new Device("tablet", "iPadOS", "Safari"), 6)
            .add(new Device("tablet", "Android", "Chrome"), 2)
            .build();

    /** What scripted traffic announces itself as; a real shop would see it too. */
    private final Device headlessBrowser = new Device("desktop", "Linux", "HeadlessChrome");

    Device pick(SplittableRandom random) {
        return devices.pick(random);
    }

    Device pickOtherThan(Device avoided, SplittableRandom random) {
        Device device;
        do {
            device = devices.pick(random);
        } while (device.equals(avoided));
        return device;
    }

    Device headlessBrowser() {
        return headlessBrowser;
    }
}
