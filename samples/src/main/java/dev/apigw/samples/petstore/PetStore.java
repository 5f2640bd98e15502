package dev.apigw.samples.petstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The pets, in memory: what a DynamoDB table would be in the deployed sample. */
final class PetStore {
    private static final Map<Integer, Pet> PETS = new ConcurrentSkipListMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    static {
        add("Rex", "dog");
        add("Tom", "cat");
        add("Nemo", "fish");
    }

    private PetStore() {}

    static Pet add(String name, String type) {
        int id = NEXT_ID.getAndIncrement();
        Pet pet = new Pet(String.valueOf(id), name, type);
        PETS.put(id, pet);
        return pet;
    }

    static List<Pet> list(int limit) {
        return new ArrayList<>(PETS.values()).subList(0, Math.min(limit, PETS.size()));
    }

    static Optional<Pet> remove(String id) {
        try {
            return Optional.ofNullable(PETS.remove(Integer.parseInt(id)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Pet> get(String id) {
        try {
            return Optional.ofNullable(PETS.get(Integer.parseInt(id)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
