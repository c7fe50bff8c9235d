-- Keycloak keeps its data in its own database of the same MariaDB server (docker-compose.yml).
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON keycloak.* TO 'agir'@'%';
