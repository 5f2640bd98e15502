package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A POJO handler. */
public class PetHandler implements RequestHandler<PetRequest, PetResponse> {

    @Override
    public PetResponse handleRequest(PetRequest pet, Context context) {
        return new PetResponse("hello " + pet.getName(), pet.getAge() * 7);
    }
}
