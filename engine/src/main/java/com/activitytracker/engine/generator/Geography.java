package com.activitytracker.engine.generator;

import com.activitytracker.engine.generator.Country.Region;
import java.util.List;
import java.util.SplittableRandom;

/** Where shoppers come from, weighted roughly like a US-based online shop's audience. */
final class Geography {
    private final WeightedChoice<Country> countries = WeightedChoice.<Country>builder()
            .add(
                    Country.of(
                            "US",
                            Region.NORTH_AMERICA,
                            List.of(
                                    "New York",
                                    "Los Angeles",
                                    "Chicago",
                                    "Houston",
                                    "Austin",
                                    "Seattle",
                                    "Miami",
                                    "Denver"),
                            List.of("73.162.", "98.207.", "24.18.", "68.45.")),
                    34)
            .add(
                    Country.of(
                            "GB",
                            Region.EUROPE,
                            List.of("London", "Manchester", "Birmingham", "Leeds", "Glasgow"),
                            List.of("81.102.", "86.12.", "109.150.")),
                    8)
            .add(
                    Country.of(
                            "DE",
                            Region.EUROPE,
                            List.of("Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt"),
                            List.of("84.150.", "91.64.", "93.201.")),
                    7)
            .add(
                    Country.of(
                            "CA",
                            Region.NORTH_AMERICA,
                            List.of("Toronto", "Montreal", "Vancouver", "Calgary"),
                            List.of("99.227.", "142.114.", "174.88.")),
                    5)
            .add(
                    Country.of(
                            "FR",
                            Region.EUROPE,
                            List.of("Paris", "Lyon", "Marseille", "Toulouse", "Lille"),
                            List.of("82.64.", "90.3.", "176.134.")),
                    5)
            .add(
                    Country.of(
                            "IN",
                            Region.ASIA,
                            List.of("Mumbai", "Delhi", "Bengaluru", "Hyderabad", "Chennai"),
                            List.of("49.36.", "106.51.", "117.96.")),
                    6)
            .add(
                    Country.of(
                            "BR",
                            Region.SOUTH_AMERICA,
                            List.of("Sao Paulo", "Rio de Janeiro", "Brasilia", "Curitiba"),
                            List.of("177.33.", "189.6.", "201.17.")),
                    5)
            .add(
                    Country.of(
                            "JP",
                            Region.ASIA,
                            List.of("Tokyo", "Osaka", "Yokohama", "Nagoya", "Fukuoka"),
                            List.of("126.22.", "153.156.", "220.96.")),
                    4)
            .add(
                    Country.of(
                            "AU",
                            Region.OCEANIA,
                            List.of("Sydney", "Melbourne", "Brisbane", "Perth"),
                            List.of("101.160.", "121.44.", "203.206.")),
                    4)
            .add(
                    Country.of(
                            "MX",
                            Region.NORTH_AMERICA,
                            List.of("Mexico City", "Guadalajara", "Monterrey", "Puebla"),
                            List.of("187.189.", "189.203.", "201.141.")),
                    3)
            .add(
                    Country.of(
                            "ES",
                            Region.EUROPE,
                            List.of("Madrid", "Barcelona", "Valencia", "Seville"),
                            List.of("83.44.", "88.27.", "95.127.")),
                    3)
            .add(
                    Country.of(
                            "IT",
                            Region.EUROPE,
                            List.of("Rome", "Milan", "Naples", "Turin"),
                            List.of("79.20.", "87.11.", "151.38.")),
                    3)
            .add(
                    Country.of(
                            "NL",
                            Region.EUROPE,
                            List.of("Amsterdam", "Rotterdam", "Utrecht", "The Hague"),
                            List.of("77.160.", "84.26.", "145.53.")),
                    3)
            .add(
                    Country.of(
                            "KR",
                            Region.ASIA,
                            List.of("Seoul", "Busan", "Incheon"),
                            List.of("110.70.", "175.223.", "211.36.")),
                    2)
            .add(
                    Country.of(
                            "SE",
                            Region.EUROPE,
                            List.of("Stockholm", "Gothenburg", "Malmo"),
                            List.of("78.70.", "83.248.", "90.229.")),
                    2)
            .add(
                    Country.of(
                            "PL",
                            Region.EUROPE,
                            List.of("Warsaw", "Krakow", "Wroclaw", "Gdansk"),
                            List.of("83.27.", "89.64.", "178.42.")),
                    2)
            .add(Country.of("SG", Region.ASIA, List.of("Singapore"), List.of("116.86.", "118.200.", "175.156.")), 1)
            .add(
                    Country.of(
                            "ZA",
                            Region.AFRICA,
                            List.of("Johannesburg", "Cape Town", "Durban"),
                            List.of("41.13.", "102.132.", "105.184.")),
                    1)
            .add(
                    Country.of(
                            "NG",
                            Region.AFRICA,
                            List.of("Lagos", "Abuja", "Ibadan"),
                            List.of("102.89.", "105.112.", "197.210.")),
                    1)
            .add(
                    Country.of(
                            "AR",
                            Region.SOUTH_AMERICA,
                            List.of("Buenos Aires", "Cordoba", "Rosario"),
                            List.of("181.46.", "186.22.", "190.16.")),
                    1)
            .build();

    Country pickCountry(SplittableRandom random) {
        return countries.pick(random);
    }

    /** A country on another continent: nobody gets there from {@code home} within the hour. */
    Country pickFarFrom(Country home, SplittableRandom random) {
        List<Country> all = countries.options();
        Country far;
        do {
            far = all.get(random.nextInt(all.size()));
        } while (far.region() == home.region());
        return far;
    }
}
