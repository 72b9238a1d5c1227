-- Orders database (PostgreSQL).
CREATE TABLE customers (
    id          BIGSERIAL PRIMARY KEY,
    email       TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES customers (id),
    total_cents  BIGINT NOT NULL,
    -- TODO: add a currency column before we ship to Canada @contact:liam.tanaka@blueharbor.example due:friday
    placed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

/* FIXME: this index is missing on production; check the migration log */
CREATE INDEX orders_customer_idx ON orders (customer_id);
