package dev.apigw.lambda.java.handlers;

/** A JavaBean result; a null field is left out of the payload by the runtime's serializer. */
public class PetResponse {
    private final String greeting;
    private final int ageInDogYears;
    private final String nickname = null;

    public PetResponse(String greeting, int ageInDogYears) {
        this.greeting = greeting;
        this.ageInDogYears = ageInDogYears;
    }

    public String getGreeting() {
        return greeting;
    }

    public int getAgeInDogYears() {
        return ageInDogYears;
    }

    public String getNickname() {
        return nickname;
    }
}
