package dev.apigw.lambda.java.handlers;

/** Gets its RequestHandler type arguments through a generic superclass. */
public class NamedPetHandler extends TypedBaseHandler<PetRequest> {

    @Override
    protected String handle(PetRequest pet) {
        return "pet " + pet.getName();
    }
}
