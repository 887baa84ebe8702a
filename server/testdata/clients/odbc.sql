SELECT count(*) FROM orders
SELECT order_id, amount, ts FROM orders ORDER BY order_id LIMIT 2
SELECT step, users FROM funnel(events, user_id, ts, [event = 'product_view', event = 'purchase'], conversion_window := INTERVAL 1 DAY)
