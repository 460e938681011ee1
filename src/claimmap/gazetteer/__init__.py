"""GeoNames gazetteer: build, load, search, import."""
