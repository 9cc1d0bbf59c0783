package uk.opcc.funding.site;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Complete, valid applications to the fixture funder's forms ({@code safer-villages} and {@code youth-diversion}
 * in src/test/fixture-site/data/forms.yml), as a browser posts them: every answer by field name.
 * One home for the fixture's answers, for the site's tests and any other module's.
 */
public final class FixtureAnswers {
    private FixtureAnswers() {
    }

    /** The answers, the project starting 60 days after {@code today} (dates may not be in the past). */
    public static Map<String, List<String>> saferVillages(LocalDate today) {
        return parse("""
                groupName=Moorside Lanes <Watch>
                groupType=watch-group
                village=Little Moorside
                postcode=nm2 7tq
                contactName=Robin Ashby
                email=robin@example.org
                phone=07700 900461
                projectTitle=Lights on Sheep Lane
                projectDescription=Six solar lights on Sheep Lane, from the bus stop to the green.
                places=lanes|bus-stops
                amount=1450
                costs=Six lights £1,200; fitting £250
                startDate=%s
                endDate=%s
                declaration=yes
                """.formatted(today.plusDays(60), today.plusDays(150)));
    }

    /** A complete, valid application to the fixture's short form ({@code youth-diversion}); its optional question left out. */
    public static Map<String, List<String>> youthDiversion() {
        return parse("""
                clubName=Moorbridge Harriers Youth
                contactName=Kit Farrow
                email=kit@example.org
                activities=Friday-night athletics for 12 to 16 year olds at the Moorbridge track.
                participants=1,250
                amount=4200.50
                officerName=PC Jo Marsh
                officerCollarNumber=NM417
                officerStation=Moorbridge
                officerEmail=jo.marsh@northmoor.police.example
                inspectorName=Inspector Sam Reid
                inspectorEmail=sam.reid@northmoor.police.example
                declaration=yes
                """);
    }

    /** One answer a line, {@code name=value}, several values of one question split by {@code |}. */
    private static Map<String, List<String>> parse(String lines) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        lines.lines().forEach(line -> {
            int equals = line.indexOf('=');
            answers.put(line.substring(0, equals), Arrays.asList(line.substring(equals + 1).split("\\|")));
        });
        return answers;
    }
}
