-- What a property offers (its accommodations, their seasons and photos) changes a few times a
-- season and is read on every guest message. Workers keep it in memory and read only this
-- counter per message (issue 12): every insert, update or delete of those rows bumps it in the
-- same transaction, so a turn that reads a counter equal to the one its copy was read at has
-- exactly what the database has. TRUNCATE does not fire these triggers: nothing truncates
-- these tables but a test's teardown, which drops the database.
ALTER TABLE properties ADD COLUMN catalog_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_catalog_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    touched BIGINT[] := ARRAY[]::BIGINT[];
BEGIN
    -- Both properties when a row moves; seasons and photos through their accommodation.
    IF TG_OP <> 'DELETE' THEN
        IF TG_TABLE_NAME = 'accommodations' THEN
            touched := touched || NEW.property_id;
        ELSE
            touched := touched || (SELECT a.property_id FROM accommodations a WHERE a.id = NEW.accommodation_id);
        END IF;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        IF TG_TABLE_NAME = 'accommodations' THEN
            touched := touched || OLD.property_id;
        ELSE
            touched := touched || (SELECT a.property_id FROM accommodations a WHERE a.id = OLD.accommodation_id);
        END IF;
    END IF;
    UPDATE properties SET catalog_version = catalog_version + 1 WHERE id = ANY(touched);
    RETURN NULL;
END
$$;

CREATE TRIGGER accommodations_catalog_version AFTER INSERT OR UPDATE OR DELETE ON accommodations
    FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER seasons_catalog_version AFTER INSERT OR UPDATE OR DELETE ON seasons
    FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER cabin_photos_catalog_version AFTER INSERT OR UPDATE OR DELETE ON cabin_photos
    FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
