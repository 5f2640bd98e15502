package dev.apigw.lambda.java.handlers;

/** A JavaBean event, as the AWS Java examples write them. */
public class PetRequest {
    private String name;
    private int age;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getAge() {
        return age;
    }

    public void setAge(int age) {
        this.age = age;
    }
}
