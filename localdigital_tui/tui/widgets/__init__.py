"""One widget family per module; widgets post messages, screens handle them."""
