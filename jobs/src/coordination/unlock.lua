-- unlock: delete a lock only if it still holds our token (it may have expired and been taken).
-- KEYS[1]: the lock key; ARGV[1]: our token.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
