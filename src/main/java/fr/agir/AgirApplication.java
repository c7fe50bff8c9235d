package fr.agir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AgirApplication {
    public static void main(String[] args) {
        SpringApplication.run(AgirApplication.class, args);
    }
}
