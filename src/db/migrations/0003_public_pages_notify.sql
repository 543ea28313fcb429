-- Public kommun pages are cached per app instance (docs/decisions/0005-public-page.md). Every change
-- that can alter one – a promise, its linked actions, an action's status, an indicator's values, a
-- party – notifies the channel when its transaction commits, and every instance listening empties
-- its cache: unpublishing takes a promise off the public page at once on all instances.
CREATE FUNCTION samverkan_notify_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('samverkan_public', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER citizen_promises_notify_public AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON citizen_promises
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_public();
--> statement-breakpoint
CREATE TRIGGER citizen_promise_actions_notify_public AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON citizen_promise_actions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_public();
--> statement-breakpoint
CREATE TRIGGER actions_notify_public AFTER UPDATE OR DELETE OR TRUNCATE ON actions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_public();
--> statement-breakpoint
CREATE TRIGGER indicators_notify_public AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_public();
--> statement-breakpoint
CREATE TRIGGER agreement_parties_notify_public AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_parties
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_public();
