package dev.apigw.emulator.cli;

public final class Main {
    public static void main(String[] args) {}
}
