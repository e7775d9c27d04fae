package org.civicledger.bench.simulator;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Ideas as citizens leave them on benches: in Bosnian, Croatian, Serbian (both scripts) and now and then English. */
public final class LocalIdeas {

    private record Sample(String language, String topic, String title, String description) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("bs", "public-lighting", "Rasvjeta na šetalištu", "Šetalište uz rijeku je noću mračno. Trebaju solarne lampe."),
            new Sample("bs", "parks", "Klupe i hlad u parku", "Više klupa i nekoliko stabala za hlad kod dječijeg igrališta."),
            new Sample("hr", "transport", "Autobusna stanica s nadstrešnicom", "Na stanici kod škole djeca čekaju na kiši."),
            new Sample("hr", "youth", "Prostor za mlade", "Mladi nemaju gdje se okupljati navečer; predlažemo omladinski klub."),
            new Sample("sr", "environment", "Kontejneri za reciklažu", "Postaviti kontejnere za plastiku i papir u svakoj mjesnoj zajednici."),
            new Sample("sr-Cyrl", "roads", "Поправка пута до села", "Пут до села је пун рупа; хитна возила тешко пролазе."),
            new Sample("sr-Cyrl", "culture", "Љетни биоскоп на тргу", "Пројекције филмова на отвореном током љета."),
            new Sample("en", "tourism", "Signs in English for visitors", "Tourists cannot find the old town; bilingual signs would help."));

    private LocalIdeas() {
    }

    /** One idea, picked at random. */
    public static Map<String, Object> any(RandomGenerator random) {
        Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
        return Map.of("topic", sample.topic(), "title", sample.title(), "description", sample.description(),
                "language", sample.language());
    }
}
